using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Api;
using KnowledgePlatform.Web.Areas.Admin;
using KnowledgePlatform.Web.Cluster;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Corpus;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Newsletter;
using KnowledgePlatform.Web.Search;
using KnowledgePlatform.Web.Site;
using KnowledgePlatform.Web.Sync;

var builder = WebApplication.CreateBuilder(args);
builder.UseRepositoryWebRoot();
builder.AddData();
builder.AddContent();
builder.AddSync();
builder.AddSite();
builder.AddSearch();
builder.AddApi();
builder.AddCorpus();
builder.AddCluster();
builder.AddAccounts();
builder.AddBackOffice();
builder.AddMail();
builder.AddMedia();
builder.AddRegistrations();
builder.AddNewsletter();

var app = builder.Build();
app.UseSite();
app.MapApi();
app.MapMedia();
app.MapRegistrations();
app.MapBackOffice();
app.MapNewsletterApi();
app.MapNewsletterForms();
return await app.RunPlatformAsync(args);

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
