namespace Paperboy.Tests.Infrastructure;

public enum Engine { Sqlite, Postgres }
