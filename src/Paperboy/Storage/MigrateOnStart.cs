namespace Paperboy.Storage;

/// <summary>Applies migrations before anything else starts, the web server included.</summary>
public sealed class MigrateOnStart(Migrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
