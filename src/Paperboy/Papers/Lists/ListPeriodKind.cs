namespace Paperboy.Papers.Lists;

public enum ListPeriodKind { Day, Week, Month }
