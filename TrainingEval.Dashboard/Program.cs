using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRootAppSettings();
builder.AddDashboardServices();

var app = builder.Build();
await app.Services.InitializeTrainingDataAsync();
await app.Services.InitializeAccountsAsync();
app.UseDashboard();
app.Run();

/// <summary>Entry point, public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
