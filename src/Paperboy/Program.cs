using Paperboy;

// Composition only: services and routes live with their features (see PaperboyApp).
// No verb (or only --options) serves the hub; a verb (import, migrate, ...) runs it and exits.
return await PaperboyApp.RunAsync(args);

public partial class Program { }
