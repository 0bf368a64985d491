namespace ShopSync.Queue.Filters;

/// <summary>
/// The type of a request-page field or option. The numeric values equal the wire enum
/// <c>shopsync.v1.FieldType</c> so the server can cast between them.
/// </summary>
public enum FilterFieldType
{
    /// <summary>Free text; compared case-sensitively unless the filter starts with <c>@</c>.</summary>
    Text = 1,

    /// <summary>An upper-case code (e.g. a country code); always compared case-insensitively.</summary>
    Code = 2,

    /// <summary>A 64-bit whole number.</summary>
    Integer = 3,

    /// <summary>A decimal number.</summary>
    Decimal = 4,

    /// <summary>true/false (filters also accept yes/no and 1/0).</summary>
    Boolean = 5,

    /// <summary>A calendar date, written <c>yyyy-MM-dd</c>.</summary>
    Date = 6,

    /// <summary>An instant, written ISO 8601; without an offset it is UTC.</summary>
    DateTime = 7,

    /// <summary>One of a declared list of values; ordered by declaration for ranges.</summary>
    Option = 8,
}
