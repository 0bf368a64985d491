using System.Collections;

namespace ShopSync.Grpc;

/// <summary>
/// gRPC metadata (request headers, response headers or trailers): an ordered list of key/value entries.
/// Keys are lowercase <c>[0-9a-z_.-]+</c>; keys ending in <c>-bin</c> carry bytes (base64 on the wire), others ASCII text.
/// </summary>
public sealed class Metadata : IReadOnlyList<Metadata.Entry>
{
    /// <summary>Suffix that marks binary metadata keys.</summary>
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    /// <summary>An empty metadata instance that must not be modified (shared).</summary>
    public static Metadata Empty { get; } = new();

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public Entry this[int index] => _entries[index];

    /// <summary>Adds an ASCII entry; the key must not end in <c>-bin</c>.</summary>
    public Metadata Add(string key, string value)
    {
        _entries.Add(new Entry(key, value));
        return this;
    }

    /// <summary>Adds a binary entry; the key must end in <c>-bin</c>.</summary>
    public Metadata Add(string key, byte[] value)
    {
        _entries.Add(new Entry(key, value));
        return this;
    }

    /// <summary>Adds an entry.</summary>
    public Metadata Add(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Add(entry);
        return this;
    }

    /// <summary>The last entry with this key (case-insensitive), or null.</summary>
    public Entry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }
        return null;
    }

    /// <summary>All entries with this key, in order.</summary>
    public IEnumerable<Entry> GetAll(string key)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return entry;
            }
        }
    }

    /// <summary>The text value of the last ASCII entry with this key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>The bytes of the last binary entry with this key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>Removes every entry with this key; returns whether any was removed.</summary>
    public bool Remove(string key) =>
        _entries.RemoveAll(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)) > 0;

    /// <inheritdoc />
    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether a key names binary metadata.</summary>
    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>One metadata entry.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        /// <summary>Creates an ASCII entry.</summary>
        public Entry(string key, string value)
        {
            Key = NormalizeKey(key);
            if (IsBinary)
            {
                throw new ArgumentException($"Metadata key '{key}' ends in '-bin': pass the value as bytes.", nameof(key));
            }
            ArgumentNullException.ThrowIfNull(value);
            foreach (var c in value)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    throw new ArgumentException($"Metadata value of '{key}' contains a non-printable-ASCII character.", nameof(value));
                }
            }
            _value = value;
        }

        /// <summary>Creates a binary entry.</summary>
        public Entry(string key, byte[] value)
        {
            Key = NormalizeKey(key);
            if (!IsBinary)
            {
                throw new ArgumentException($"Metadata key '{key}' must end in '-bin' to carry bytes.", nameof(key));
            }
            ArgumentNullException.ThrowIfNull(value);
            _valueBytes = value;
        }

        /// <summary>The lowercase key.</summary>
        public string Key { get; }

        /// <summary>Whether the key ends in <c>-bin</c>.</summary>
        public bool IsBinary => IsBinaryKey(Key);

        /// <summary>The ASCII value; throws for binary entries.</summary>
        public string Value => _value ?? throw new InvalidOperationException($"Metadata entry '{Key}' is binary: use ValueBytes.");

        /// <summary>The bytes of a binary entry, or the ASCII bytes of a text entry.</summary>
        public byte[] ValueBytes => _valueBytes ?? System.Text.Encoding.ASCII.GetBytes(_value!);

        /// <inheritdoc />
        public override string ToString() =>
            IsBinary ? $"{Key}: {Convert.ToBase64String(_valueBytes!)}" : $"{Key}: {_value}";

        private static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var lower = key.ToLowerInvariant();
            foreach (var c in lower)
            {
                var valid = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-';
                if (!valid)
                {
                    throw new ArgumentException($"Metadata key '{key}' may only contain [0-9a-z_.-].", nameof(key));
                }
            }
            return lower;
        }
    }
}
