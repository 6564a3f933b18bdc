namespace Paperboy.Feed;

public enum ListPeriodKind { Day, Week, Month }
