using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Paperboy.Mail;
using Paperboy.Search.Meaning;
using Paperboy.Storage;

namespace Paperboy.Operations;

/// <summary>
/// For load balancers and orchestrators: <c>/healthz</c> answers 200 while the process serves (liveness, no checks);
/// <c>/readyz</c> checks what serving needs — the database answers and has every migration of this version, the
/// embedding model loads — and answers 503 when one fails; an unreachable SMTP server is a warning (200, "Degraded":
/// mail waits in the outbox, pages still serve). Both answer JSON: the overall status and each check's.
/// </summary>
public static class HealthEndpoints
{
    const string Ready = "ready";

    public static IServiceCollection AddPaperboyHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<EmbeddingModelCheck>("embedding model", tags: [Ready])
            .AddCheck<SmtpCheck>("smtp", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    static Task WriteAsync(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers.CacheControl = "no-store";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                milliseconds = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, Json));
    }

    /// <summary>The database answers and has applied every migration this version ships.</summary>
    sealed class DatabaseCheck(Migrator migrator) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                var pending = await migrator.PendingAsync(ct);
                return pending.Count == 0
                    ? HealthCheckResult.Healthy("reachable, every migration applied")
                    : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"unreachable: {e.Message}");
            }
        }
    }

    /// <summary>The sentence-embedding model is loaded (loading it the first time, about a second).</summary>
    sealed class EmbeddingModelCheck(EmbedderProvider embedders) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                if (!embedders.IsLoaded) await Task.Run(embedders.Get, ct);
                return HealthCheckResult.Healthy($"{embedders.Model.Name} loaded");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{embedders.Model.Name} cannot be loaded: {e.Message}");
            }
        }
    }

    /// <summary>The SMTP server accepts a connection (and the login, when one is set) within a few seconds.</summary>
    sealed class SmtpCheck(SmtpMailer mailer, Microsoft.Extensions.Options.IOptions<SmtpOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var o = options.Value;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Min(5, o.TimeoutSeconds)));
            try
            {
                using var client = await mailer.ConnectAsync(timeout.Token);
                await client.DisconnectAsync(quit: true, timeout.Token);
                return HealthCheckResult.Healthy($"{o.Host}:{o.Port} answers");
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var why = e is OperationCanceledException ? "no answer within 5 s" : e.Message;
                return new HealthCheckResult(context.Registration.FailureStatus, $"{o.Host}:{o.Port} unreachable ({why}); mail waits in the outbox");
            }
        }
    }
}
