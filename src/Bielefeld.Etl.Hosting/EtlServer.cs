using Bielefeld.Etl.Hosting.Dashboard;
using Bielefeld.Etl.Hosting.Jobs;
using Bielefeld.Etl.Hosting.Scheduling;
using Bielefeld.Etl.Hosting.Web;
using Bielefeld.Etl.Hosting.Workspace;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Hosting;

/// <summary>
/// The server mode: a Hangfire server that runs every pipeline on its schedule, the dashboard at <c>/hangfire</c>
/// and beside it the steward workspace at <c>/arbeitsplatz</c> (<see cref="WorkspaceEndpoints"/>), both behind
/// <see cref="DashboardAccess.IsAllowed"/>. Runs in a console, as a systemd service or as a Windows service.
/// </summary>
public static class EtlServer
{
    /// <summary>The dashboard's path.</summary>
    public const string DashboardPath = "/hangfire";

    private static int s_pagesAdded;

    /// <summary>
    /// Builds the web application with the job storage, the server and the dashboard, and brings the recurring jobs
    /// in line with <paramref name="run"/>'s pipelines (schedules checked first).
    /// </summary>
    public static WebApplication Build(ServerOptions server, JobStorage storage, PipelineRun run, WarehouseProvider warehouse, Action<ILoggingBuilder>? logging = null)
    {
        PipelineSchedule.Validate(run.Pipelines);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(server.Urls);
        builder.Host.UseSystemd().UseWindowsService();
        if (logging is not null)
        {
            builder.Logging.ClearProviders();
            logging(builder.Logging);
        }

        builder.Services.AddSingleton(server);
        builder.Services.AddSingleton(run);
        builder.Services.AddSingleton(warehouse);
        // The job state log and the pipeline lock reach every client and server of this host only, with its logger:
        // Hangfire's global filters are static, and a process that builds two hosts (the specs) would log each line twice.
        builder.Services.AddSingleton<JobStateLog>();
        builder.Services.AddSingleton<PipelineLock>();
        builder.Services.AddSingleton<IJobFilterProvider>(services => new JobFilterProviderCollection(
            JobFilterProviders.Providers,
            new JobFilterCollection { services.GetRequiredService<JobStateLog>(), services.GetRequiredService<PipelineLock>() }));
        // Created before Hangfire's own services, so disposed after them.
        builder.Services.AddSingleton<HangfireLogRelease>();
        builder.Services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage));
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = server.WorkerCount;
            o.ServerName = $"bielefeld-etl:{Environment.MachineName}:{Environment.ProcessId}";
        });
        builder.Services.AddTransient<PipelineJob>();
        builder.Services.AddTransient<AttainmentJob>();
        builder.Services.AddTransient<NightlySummaryJob>();
        SecurityHeaders.AddTo(builder.Services);

        // The web host puts host filtering first in the pipeline (allowing any host unless told otherwise).
        builder.Services.AddHostFiltering(o =>
        {
            o.AllowedHosts = [.. AllowedHosts.For(server)];
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "bielefeld-etl-csrf";
            o.FormFieldName = "__csrf";
        });

        var app = builder.Build();
        app.Services.GetRequiredService<HangfireLogRelease>();
        app.UseAntiforgery();
        AddPages();
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new DashboardAccess(server.DashboardRole)],
            IsReadOnlyFunc = _ => !server.DashboardWritable,
            DisplayStorageConnectionString = false,
            DashboardTitle = "Bielefeld.Etl – Betrieb",
            AppPath = null,
        });
        app.MapWorkspace(server);
        // The address an operator types first: the stewards' workspace (whose access rule applies there).
        app.MapGet("/", (HttpContext http) => Results.Redirect(http.Request.PathBase.Add(WorkspaceEndpoints.Prefix).Value!));
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        PipelineSchedule.Apply(recurring, storage, run.Pipelines.ToList());
        if (run.Options.Reports is not null)
        {
            recurring.AddOrUpdate<NightlySummaryJob>(NightlySummaryJob.Id, job => job.PublishAsync(CancellationToken.None), NightlySummaryJob.Schedule,
                new RecurringJobOptions { TimeZone = PipelineSchedule.Berlin });
        }
        return app;
    }

    private static void AddPages()
    {
        if (Interlocked.Exchange(ref s_pagesAdded, 1) == 1)
        {
            return;
        }

        DashboardRoutes.Routes.Add("/pipelines", new PipelineStatusPage());
        NavigationMenu.Items.Add(page => new MenuItem("Pipelines", page.Url.To("/pipelines")));
        NavigationMenu.Items.Add(page => new MenuItem("Arbeitsplatz", WorkspaceUrl(page.Url.To(""))));
    }

    /// <summary>The workspace's address seen from the dashboard's (<c>/basis/hangfire</c> → <c>/basis/arbeitsplatz</c>).</summary>
    internal static string WorkspaceUrl(string dashboardUrl) =>
        (dashboardUrl.EndsWith(DashboardPath, StringComparison.Ordinal) ? dashboardUrl[..^DashboardPath.Length] : "") + WorkspaceEndpoints.Prefix;
}
