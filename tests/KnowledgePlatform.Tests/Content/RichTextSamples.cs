using Xunit;

namespace KnowledgePlatform.Tests.Content;

/// <summary>Inputs shared by the sanitizer tests: known attacks, and markup editors really write.</summary>
public static class RichTextSamples
{
    /// <summary>XSS vectors; none of them may leave script, handlers or script URLs behind.</summary>
    public static readonly string[] Attacks =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>tekst",
        "<p>voor<script>alert(1)</script>na</p>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<image src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\"java\0script:alert(1)\">x</a>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<a href=\"&#x01; javascript:alert(1)\">x</a>",
        "<a href=\"&#8232;javascript:alert(1)\">x</a>",
        "<a href=\"&#xFEFF;javascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<div style=\"x\" class=\"y\" id=\"z\" onclick=\"alert(1)\">tekst</div>",
        "<a href=\"https://example.org\" target=\"_blank\" onmouseover=\"alert(1)\">x</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><mi><mglyph><svg><mtext><textarea><a title=\"</textarea><img src=x onerror=alert(1)>\">",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<template><script>alert(1)</script></template>",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<style>@import 'javascript:alert(1)';</style><p>x</p>",
        "<body onload=alert(1)><p>x</p>",
        "<!--<img src=x onerror=alert(1)>--><p>x</p>",
        "<!--><img src=x onerror=alert(1)>-->",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<textarea><img src=x onerror=alert(1)></textarea>",
        "<title><img src=x onerror=alert(1)></title>",
        "<select><template><img src=x onerror=alert(1)></template></select>",
        "<table><td><script>alert(1)</script></td></table>",
        "<base href=\"javascript:alert(1)//\"><a href=\"/x\">x</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">",
        "<details open ontoggle=alert(1)>x</details>",
        "<a href=\"/\\evil.example\">x</a><a href=\"//evil.example\">y</a>",
    ];

    /// <summary>Markup within the allow-list; it must come back byte for byte.</summary>
    public static readonly string[] Allowed =
    [
        "<h2>Titel</h2><p>Tekst met <a href=\"https://example.org\">link</a></p>",
        "<h3>Programma</h3><ul><li>Een</li><li>Twee</li></ul><ol><li><strong>Drie</strong></li></ol>",
        "<table><caption>Cijfers</caption><thead><tr><th scope=\"col\" colspan=\"2\">Jaar</th></tr></thead>"
            + "<tbody><tr><td rowspan=\"2\">2024</td><td>12</td></tr></tbody></table>",
        "<figure><img src=\"/media/0b7c9e4e-4f0a-4f4e-9d55-3f1c2a9b8e21/960x.webp\" alt=\"Foto\" width=\"640\" height=\"480\">"
            + "<figcaption>Onderschrift</figcaption></figure>",
        "<blockquote><p>Citaat</p></blockquote><hr><pre><code>var x = 1;</code></pre>",
        "<h4>Kort</h4><p>H<sub>2</sub>O en x<sup>2</sup>, <em>nadruk</em>, <b>vet</b>, <i>schuin</i><br>regel</p>",
        "<p><a href=\"mailto:info@example.org\" title=\"Mail ons\">mail</a> <a href=\"/agenda\">agenda</a> "
            + "<a href=\"#top\">top</a> <a href=\"http://example.org/a?b=1&amp;c=2\">oud</a></p>",
        "<p>Tom &amp; Jerry &lt;3 — café</p>",
    ];

    public static TheoryData<string> AttackData => new(Attacks);

    public static TheoryData<string> AllowedData => new(Allowed);

    public static TheoryData<string> EverythingData => new(Attacks.Concat(Allowed));
}
