using Paperboy.Storage;

namespace Paperboy.Community;

public sealed record Profile(User User, List<ProfileItem> Submitted, List<ProfileItem> Upvoted, List<ProfileItem> Commented);
