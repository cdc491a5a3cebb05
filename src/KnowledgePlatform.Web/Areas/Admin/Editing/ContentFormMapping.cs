using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>Form ⇄ content body. Dates and times are entered in Europe/Amsterdam.</summary>
public static class ContentFormMapping
{
    /// <summary>The body to save, or Dutch messages for fields the form itself cannot turn into one.</summary>
    public static (ContentBody? Body, Dictionary<string, string> Errors) ToBody(ContentForm f)
    {
        var errors = new Dictionary<string, string>();
        var title = f.Title?.Trim() ?? "";
        var slug = string.IsNullOrWhiteSpace(f.Slug) ? Slugs.From(title) : f.Slug.Trim();
        var terms = f.Terms.Distinct().ToList();
        ContentBody? body = f.Type switch
        {
            ContentType.Event or ContentType.Workshop => EventBody(f, title, slug, terms, errors),
            ContentType.MeetingReport => new MeetingReportContent
            {
                Title = title, Slug = slug, Summary = Clean(f.Summary), Terms = terms, Event = f.Event, Body = Clean(f.Body),
                Outcomes = [.. (f.Outcomes ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)], Authors = [.. f.Authors.Distinct()],
                Attachments = AttachmentRows.ToAttachments(f.Attachments, errors),
            },
            ContentType.DossierArticle => new DossierArticleContent
            {
                Title = title, Slug = slug, Summary = Clean(f.Summary), Terms = terms, Lead = Clean(f.Lead), Body = Clean(f.Body), Authors = [.. f.Authors.Distinct()],
            },
            ContentType.Dossier => new DossierContent { Title = title, Slug = slug, Summary = Clean(f.Summary), Terms = terms, Intro = Clean(f.Body), Items = [.. f.Items.Distinct()] },
            _ => null,
        };
        if (body is null && errors.Count == 0)
        {
            errors["Type"] = "Dit type inhoud wordt hier niet bewerkt.";
        }

        return (errors.Count == 0 ? body : null, errors);
    }

    private static EventContent? EventBody(ContentForm f, string title, string slug, List<Guid> terms, Dictionary<string, string> errors)
    {
        if (f.StartDate is null)
        {
            errors[nameof(f.StartDate)] = "Vul de datum van de bijeenkomst in.";
            return null;
        }

        var start = At(f.StartDate.Value, f.AllDay ? null : f.StartTime);
        DateTimeOffset? end = f.EndDate is null && f.EndTime is null ? null : At(f.EndDate ?? f.StartDate.Value, f.AllDay ? null : f.EndTime);
        var e = new EventContent
        {
            Title = title, Slug = slug, Summary = Clean(f.Summary), Terms = terms, Format = Clean(f.Format), Start = start, End = end, AllDay = f.AllDay,
            Venue = string.IsNullOrWhiteSpace(f.VenueCity) ? null
                : new Venue { Name = Clean(f.VenueName), Address = Clean(f.VenueAddress), PostalCode = Clean(f.VenuePostalCode), City = f.VenueCity.Trim() },
            OnlineUrl = Clean(f.OnlineUrl), Body = Clean(f.Body), Organisers = [.. f.Organisers.Distinct()], Partners = [.. f.Partners.Distinct()],
            Speakers = [.. f.Speakers.Distinct()], Audience = Clean(f.Audience), Price = Clean(f.Price), Cancelled = f.Cancelled,
            Attachments = AttachmentRows.ToAttachments(f.Attachments, errors),
            Programme = [.. f.Programme.Where(p => !IsEmpty(p)).Select(p => new ProgrammeItem
            {
                StartTime = p.StartTime, EndTime = p.EndTime, Title = p.Title?.Trim() ?? "", Description = Clean(p.Description), Speakers = [.. p.Speakers.Distinct()],
            })],
            Registration = new Registration
            {
                Mode = f.RegistrationMode, Url = Clean(f.RegistrationUrl), Info = Clean(f.RegistrationInfo), Capacity = f.RegistrationCapacity,
                Deadline = f.RegistrationDeadlineDate is { } dd ? At(dd, f.RegistrationDeadlineTime ?? new TimeOnly(23, 59)) : null,
                Questions = f.AskOrganisation || f.AskRole || f.AskMunicipality || f.AskNeeds || !string.IsNullOrWhiteSpace(f.FreeQuestion)
                    ? new RegistrationQuestions { Organisation = f.AskOrganisation, Role = f.AskRole, Municipality = f.AskMunicipality, Needs = f.AskNeeds, FreeQuestion = Clean(f.FreeQuestion) }
                    : null,
            },
        };
        if (!string.IsNullOrWhiteSpace(f.VenueName + f.VenueAddress) && string.IsNullOrWhiteSpace(f.VenueCity))
        {
            errors[nameof(f.VenueCity)] = "Vul de plaats van de locatie in.";
        }

        return f.Type == ContentType.Workshop
            ? new WorkshopContent
            {
                Title = e.Title, Slug = e.Slug, Summary = e.Summary, Terms = e.Terms, Format = e.Format, Start = e.Start, End = e.End, AllDay = e.AllDay,
                Venue = e.Venue, OnlineUrl = e.OnlineUrl, Body = e.Body, Organisers = e.Organisers, Partners = e.Partners, Speakers = e.Speakers,
                Programme = e.Programme, Audience = e.Audience, Registration = e.Registration, Price = e.Price, Cancelled = e.Cancelled, Attachments = e.Attachments,
                Facilitator = f.Facilitator, MaxParticipants = f.MaxParticipants, Materials = Clean(f.Materials),
            }
            : e;
    }

    public static ContentForm FromBody(ContentBody body, int? version)
    {
        var f = new ContentForm { Type = body.Type, LoadedVersion = version, Title = body.Title, Slug = body.Slug, Summary = body.Summary, Terms = [.. body.Terms] };
        switch (body)
        {
            case EventContent e:
                var start = DutchTime.ToAmsterdam(e.Start);
                var end = e.End is { } x ? DutchTime.ToAmsterdam(x) : (DateTimeOffset?)null;
                (f.Format, f.StartDate, f.StartTime, f.AllDay) = (e.Format, DateOnly.FromDateTime(start.DateTime), e.AllDay ? null : TimeOnly.FromDateTime(start.DateTime), e.AllDay);
                if (end is { } en)
                {
                    (f.EndDate, f.EndTime) = (DateOnly.FromDateTime(en.DateTime), e.AllDay ? null : TimeOnly.FromDateTime(en.DateTime));
                }

                (f.VenueName, f.VenueAddress, f.VenuePostalCode, f.VenueCity) = (e.Venue?.Name, e.Venue?.Address, e.Venue?.PostalCode, e.Venue?.City);
                (f.OnlineUrl, f.Body, f.Organisers, f.Partners, f.Speakers) = (e.OnlineUrl, e.Body, [.. e.Organisers], [.. e.Partners], [.. e.Speakers]);
                (f.Audience, f.Price, f.Cancelled) = (e.Audience, e.Price, e.Cancelled);
                (f.RegistrationMode, f.RegistrationUrl, f.RegistrationInfo, f.RegistrationCapacity) = (e.Registration.Mode, e.Registration.Url, e.Registration.Info, e.Registration.Capacity);
                if (e.Registration.Deadline is { } deadline)
                {
                    var local = DutchTime.ToAmsterdam(deadline);
                    (f.RegistrationDeadlineDate, f.RegistrationDeadlineTime) = (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
                }

                if (e.Registration.Questions is { } q)
                {
                    (f.AskOrganisation, f.AskRole, f.AskMunicipality, f.AskNeeds, f.FreeQuestion) = (q.Organisation, q.Role, q.Municipality, q.Needs, q.FreeQuestion);
                }

                f.Programme = [.. e.Programme.Select(p => new ProgrammeRow { StartTime = p.StartTime, EndTime = p.EndTime, Title = p.Title, Description = p.Description, Speakers = [.. p.Speakers] })];
                f.Attachments = AttachmentRows.FromAttachments(e.Attachments);
                if (e is WorkshopContent w)
                {
                    (f.Facilitator, f.MaxParticipants, f.Materials) = (w.Facilitator, w.MaxParticipants, w.Materials);
                }

                break;
            case MeetingReportContent r:
                (f.Event, f.Body, f.Outcomes, f.Authors) = (r.Event, r.Body, string.Join('\n', r.Outcomes), [.. r.Authors]);
                f.Attachments = AttachmentRows.FromAttachments(r.Attachments);
                break;
            case DossierArticleContent a:
                (f.Lead, f.Body, f.Authors) = (a.Lead, a.Body, [.. a.Authors]);
                break;
            case DossierContent d:
                (f.Body, f.Items) = (d.Intro, [.. d.Items]);
                break;
        }

        return f;
    }

    /// <summary>An Amsterdam wall-clock moment as an instant with its offset (summer/winter time).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly? time)
    {
        var local = date.ToDateTime(time ?? TimeOnly.MinValue);
        return new DateTimeOffset(local, DutchTime.Amsterdam.GetUtcOffset(local));
    }

    private static bool IsEmpty(ProgrammeRow p) => string.IsNullOrWhiteSpace(p.Title) && string.IsNullOrWhiteSpace(p.Description) && p.StartTime is null && p.Speakers.Count == 0;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
