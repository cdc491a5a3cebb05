using System.Text;
using System.Xml;

namespace KnowledgePlatform.Web.Site.Feeds;

/// <summary>Serializes an <see cref="AtomFeed"/> with XmlWriter, which escapes text and checks the XML is well-formed.</summary>
public static class AtomFeedWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Write(AtomFeed feed)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            NewLineChars = "\n",
        };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, "nl");
            Text(xml, "title", feed.Title);
            if (feed.Subtitle is not null)
            {
                Text(xml, "subtitle", feed.Subtitle);
            }

            Text(xml, "id", feed.Id.AbsoluteUri);
            Link(xml, "self", feed.Self, AtomFeedWriter.ContentType.Split(';')[0]);
            Link(xml, "alternate", feed.Alternate, "text/html");
            Text(xml, "updated", Timestamp(feed.UpdatedUtc));
            xml.WriteStartElement("author");
            Text(xml, "name", feed.Author);
            xml.WriteEndElement();
            foreach (var entry in feed.Entries)
            {
                WriteEntry(xml, entry);
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, AtomEntry entry)
    {
        xml.WriteStartElement("entry");
        Text(xml, "id", entry.Id);
        Text(xml, "title", entry.Title);
        Link(xml, "alternate", entry.Link, "text/html");
        Text(xml, "published", Timestamp(entry.PublishedUtc));
        Text(xml, "updated", Timestamp(entry.UpdatedUtc));
        foreach (var author in entry.Authors)
        {
            xml.WriteStartElement("author");
            Text(xml, "name", author);
            xml.WriteEndElement();
        }

        foreach (var category in entry.Categories)
        {
            xml.WriteStartElement("category");
            xml.WriteAttributeString("term", category.Term);
            xml.WriteAttributeString("label", category.Label);
            xml.WriteAttributeString("scheme", category.Scheme.AbsoluteUri);
            xml.WriteEndElement();
        }

        if (!string.IsNullOrWhiteSpace(entry.Summary))
        {
            xml.WriteStartElement("summary");
            xml.WriteAttributeString("type", "text");
            xml.WriteString(Clean(entry.Summary));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string value) => xml.WriteElementString(name, Clean(value));

    private static void Link(XmlWriter xml, string rel, Uri href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }

    /// <summary>RFC 3339 in UTC, as Atom requires: "2020-10-06T17:00:00Z".</summary>
    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (most C0 controls; lone surrogates become U+FFFD): one
    /// pasted into a title must not turn the whole feed into an error.
    /// </summary>
    private static string Clean(string value)
    {
        var clean = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or >= 0x10000)
            {
                clean.Append(rune.ToString());
            }
        }

        return clean.ToString();
    }
}
