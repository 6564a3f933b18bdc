namespace Paperboy.Mail;

public static class MailSetup
{
    public static IServiceCollection AddPaperboyMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SmtpMailer>();
        return services;
    }
}
