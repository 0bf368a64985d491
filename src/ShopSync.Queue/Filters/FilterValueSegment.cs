namespace ShopSync.Queue.Filters;

/// <summary>A run of a value's characters, either quoted (all literal) or unquoted (wildcards active).</summary>
internal readonly record struct FilterValueSegment(string Text, bool Quoted);
