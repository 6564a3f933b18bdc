using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

public static class CommunitySetup
{
    const string Smart = "Paperboy";

    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddOptions<CommunityOptions>().BindConfiguration(CommunityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<UpvoteWriter>();
        services.AddSingleton<MemberVotes>();
        services.AddSingleton<IMemberState>(sp => sp.GetRequiredService<MemberVotes>());
        services.AddScoped<UserStore>();
        services.AddScoped<SignInService>();
        services.AddScoped<ApiTokenStore>();
        services.AddScoped<UpvoteStore>();
        services.AddScoped<ViewerVotes>();
        services.AddScoped<CommentStore>();
        services.AddScoped<SubmissionService>();
        services.AddScoped<CuratorService>();
        services.AddScoped<ProfileQueries>();
        services.AddScoped<CollectionStore>();
        services.AddScoped<FollowStore>();
        services.AddScoped<ArxivLookup>();
        services.AddPaperboyDataProtection();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.Count > 0 ? BearerTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "paperboy";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromDays(30);
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.Events.OnValidatePrincipal = SecurityStampCheck.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(CommunityApi.Member, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(CommunityApi.Curator, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
                .RequireRole(nameof(UserRole.Curator), nameof(UserRole.Admin)));
        services.AddCommunityRateLimits();
        return services;
    }

    public static WebApplication MapCommunity(this WebApplication app)
    {
        app.MapSignIn();
        app.MapAccount();
        app.MapPaperPages();
        app.MapCuratorForms();
        app.MapSubmissions();
        app.MapPeople();
        app.MapCommunityApi();
        app.MapCollectionPages();
        app.MapCollectionsApi();
        app.MapFollowForms();
        app.MapFollowsApi();
        return app;
    }
}
