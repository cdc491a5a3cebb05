using System.Text;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Mail.Mime;
using KnowledgePlatform.Web.Mail.Smtp;

namespace KnowledgePlatform.Tests.Mail;

/// <summary>What we write survives SMTP and parses cleanly, unchanged, in Python's standard email parser.</summary>
public sealed class MimeMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MimeParser.Parsed> RoundTripAsync(OutgoingMail mail, string messageId = "rt1@kennisplatform.test")
    {
        await using var sink = await SmtpSink.StartAsync();
        await using (var session = await SmtpSession.OpenAsync(TestMails.Smtp(sink.Port), Ct))
        {
            var result = await session.SendAsync([TestMails.Envelope(mail, messageId)], Ct);
            Assert.Equal(SendOutcome.Accepted, result[0].Outcome);
        }

        var files = (await sink.WaitForAsync(1)).Select(m => m.Path);
        var parsed = Assert.Single(await MimeParser.ParseAsync(files));
        Assert.Empty(parsed.Defects);
        return parsed;
    }

    [Fact]
    public async Task Dutch_text_html_and_an_invitation_arrive_intact()
    {
        var text = "Beste lezer,\n\nDe bijeenkomst over ‘zorg & welzijn’ in Ede is op 12 maart — één dag. 🙂\n.Regel die met een punt begint\n"
                   + new string('x', 300) + "\nSpaties aan het eind   \n= gelijkteken =3D\n";
        var html = "<table role=\"presentation\" width=\"600\"><tr><td style=\"color:#123456\">Café “De Ketel”, één € — " + new string('y', 500) + "</td></tr></table>\n.\n";
        var ics = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:Themabijeenkomst ‘Wonen’\r\nEND:VCALENDAR\r\n");
        var mail = new OutgoingMail("test.rich", "rich-1", MailboxAddress.Create("lezer@voorbeeld.nl", "Ëlise de Vriës-Ömer"),
            "Uitnodiging: ‘Zorg & welzijn’ — één middag in Ede met een lange onderwerpregel die gevouwen moet worden", html, text)
        {
            Attachments = [new MailAttachment("uitnodiging.ics", "text/calendar; method=REQUEST", ics), new MailAttachment("programma één.pdf", "application/pdf", [1, 2, 3, 0, 255])],
            Headers = [new MailHeader("List-Unsubscribe", "<https://kennisplatform.test/nieuwsbrief/afmelden/abc>, <mailto:afmelden@kennisplatform.test?subject=abc>"), new MailHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
            ReplyTo = MailboxAddress.Create("redactie@kennisplatform.test", "Redactie \"Sociaal\" Domein"),
        };

        var parsed = await RoundTripAsync(mail);

        Assert.Equal(mail.Subject, parsed.Subject);
        Assert.Equal("lezer@voorbeeld.nl", parsed.ToAddress);
        Assert.Equal("Ëlise de Vriës-Ömer", parsed.ToName);
        Assert.Equal("<rt1@kennisplatform.test>", parsed.MessageId);
        Assert.NotNull(parsed.Date);
        Assert.Equal(text, parsed.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(html, parsed.HtmlBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        var invitation = Assert.Single(parsed.Parts, p => p.ContentType == "text/calendar");
        Assert.Equal("REQUEST", invitation.Method);
        Assert.Contains("SUMMARY:Themabijeenkomst ‘Wonen’", invitation.Text, StringComparison.Ordinal);
        Assert.Equal("programma één.pdf", Assert.Single(parsed.Parts, p => p.ContentType == "application/pdf").Filename);
        Assert.Equal(["multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar", "application/pdf"], parsed.Parts.Select(p => p.ContentType));
        Assert.Equal("List-Unsubscribe=One-Click", parsed.ListUnsubscribePost);
        Assert.Contains("https://kennisplatform.test/nieuwsbrief/afmelden/abc", parsed.ListUnsubscribe, StringComparison.Ordinal);
        Assert.Equal("\"Redactie \\\"Sociaal\\\" Domein\" <redactie@kennisplatform.test>", parsed.ReplyTo);
    }

    [Fact]
    public async Task Bodies_encoded_in_pieces_arrive_as_the_joined_text()
    {
        // Pieces that end mid-line, in trailing spaces, on a line break, with a dot or "=" at a piece start, and in a
        // multi-byte character's neighbourhood: joined with soft breaks they must decode to exactly the joined text.
        string[] text = ["Beste Ëlise,", "\n\n", ".Punt aan het begin ", "", new string('x', 150) + "  ", "=3D en € ", "slot\n", "🙂 einde."];
        string[] html = ["<p>", "Café “De Ketel”", "</p>\n", ".<b>", new string('y', 75), "=", "</b>"];
        var mail = new OutgoingMail("test.pieces", "pieces-1", MailboxAddress.Create("lezer@voorbeeld.nl", null), "Stukken", null, null)
        {
            Encoded = new EncodedAlternatives(new EncodedBody([.. text.Select(EncodedBody.Piece)]), new EncodedBody([.. html.Select(EncodedBody.Piece)])),
        };

        var parsed = await RoundTripAsync(mail);

        Assert.Equal(string.Concat(text), parsed.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(string.Concat(html), parsed.HtmlBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(["multipart/alternative", "text/plain", "text/html"], parsed.Parts.Select(p => p.ContentType));
    }

    [Fact]
    public async Task Line_breaks_in_names_subjects_and_header_values_cannot_add_headers()
    {
        var mail = new OutgoingMail("test.inject", "inject-1",
            MailboxAddress.Create("lezer@voorbeeld.nl", "Piet\r\nBcc: slachtoffer@example.com"),
            "Hallo\r\nBcc: slachtoffer@example.com\nX-Evil: 1", "<p>x</p>", "x")
        {
            Headers = [new MailHeader("List-Id", "Nieuws\r\nBcc: slachtoffer@example.com")],
            ReplyTo = MailboxAddress.Create("redactie@kennisplatform.test", "R\nBcc: x@example.com"),
        };

        var parsed = await RoundTripAsync(mail);

        Assert.DoesNotContain(parsed.HeaderNames, h => h.Equals("Bcc", StringComparison.OrdinalIgnoreCase) || h.Equals("X-Evil", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Hallo Bcc: slachtoffer@example.com X-Evil: 1", parsed.Subject);
        Assert.Equal("lezer@voorbeeld.nl", parsed.ToAddress);
    }

    [Theory]
    [InlineData("a@b.nl\r\nRCPT TO:<x@y.nl>")]
    [InlineData("<a@b.nl>")]
    [InlineData("a b@c.nl")]
    [InlineData("geen-adres")]
    [InlineData("a@b")]
    public void Addresses_that_could_break_the_envelope_are_refused(string address) =>
        Assert.False(MailboxAddress.TryCreate(address, null, out _));

    [Fact]
    public void Header_names_are_tokens_and_never_ones_the_writer_sets()
    {
        Assert.Throws<ArgumentException>(() => new MailHeader("Bcc", "x@example.com"));
        Assert.Throws<ArgumentException>(() => new MailHeader("X-A\r\nBcc", "x"));
        Assert.Throws<ArgumentException>(() => new MailAttachment("a.ics", "text/calendar; method=\"REQUEST\"\r\nBcc: x", []));
    }

    [Fact]
    public void Internationalised_domains_become_their_ascii_form()
    {
        Assert.True(MailboxAddress.TryCreate(" Jan@Bücher.Example ", null, out var mailbox));
        Assert.Equal("Jan@xn--bcher-kva.example", mailbox.Address);
    }
}
