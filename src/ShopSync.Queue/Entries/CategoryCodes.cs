using System.Globalization;
using ShopSync.Queue.Errors;

namespace ShopSync.Queue.Entries;

/// <summary>
/// The one rule for job queue category codes, wherever they are given (enqueue, schedule, a shop's job_queue_category):
/// at most <see cref="JobDefaults.CategoryCodeMaxLength"/> characters, and no control or formatting characters (NUL,
/// bidi overrides, zero-width marks), which would make two codes that look alike run as different categories.
/// </summary>
public static class CategoryCodes
{
    /// <summary>Refuses a code that breaks the rule; the message does not echo it (it may hold invisible characters).</summary>
    /// <exception cref="JobValidationException">The code is too long or holds a control or formatting character.</exception>
    public static void Check(string code, string field)
    {
        if (Problem(code) is { } problem)
        {
            throw new JobValidationException(field, problem);
        }
    }

    /// <summary>What is wrong with the code, or null when it keeps the rule.</summary>
    public static string? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length > JobDefaults.CategoryCodeMaxLength)
        {
            return $"must be at most {JobDefaults.CategoryCodeMaxLength} characters (got {code.Length}).";
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (IsInvisible(code[i]))
            {
                return $"must not contain control or formatting characters (U+{(int)code[i]:X4} at position {i + 1}).";
            }
        }

        return null;
    }

    /// <summary>Control characters and Unicode format characters (bidi controls, zero-width joiners and marks).</summary>
    public static bool IsInvisible(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
