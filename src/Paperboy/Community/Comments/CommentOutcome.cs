namespace Paperboy.Community;

public enum CommentOutcome { Done, PaperNotFound, ParentNotFound, NotFound, NotYours, TooMany }
