using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ShopSync.Server.Tests.Faults;

/// <summary>
/// Request payloads for the random-input test, from a message's descriptor: random bytes, and "mutated valid" messages
/// (each field present or not, with edge values: huge and negative ints, long and odd strings, invalid UTF-8,
/// out-of-range enums and timestamps, many repeated elements, a wrong wire type, a flipped or truncated byte).
/// </summary>
internal sealed class RandomMessages(int seed)
{
    private static readonly long[] Integers = [0, 1, -1, 2, 7, 100, 500, 1000, 90001, int.MaxValue, int.MinValue, uint.MaxValue, long.MaxValue, long.MinValue];

    private static readonly string[] Strings =
    [
        "", "x", "SHOP1", "SHPFY", "No.", "Fully Paid", "steps", "1..5|7", "<>''", "*", "0 */5 * * *", "Europe/Berlin", "PT5M",
        "0b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", "00000000-0000-0000-0000-000000000000", "\0", "a\u202Eb", "ü€𝄞", "https://x.myshopify.com",
    ];

    private readonly Random _random = new(seed);

    public byte[] RandomBytes() => Bytes(_random.Next(0, 3) switch { 0 => _random.Next(1, 8), 1 => _random.Next(8, 64), _ => _random.Next(64, 2048) });

    public byte[] Mutated(MessageDescriptor descriptor)
    {
        var bytes = Message(descriptor, depth: 0);
        switch (_random.Next(10))
        {
            case 0 when bytes.Length > 0:
                bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
                return bytes;
            case 1 when bytes.Length > 1:
                return bytes[..^_random.Next(1, Math.Min(bytes.Length, 4))];
            default:
                return bytes;
        }
    }

    private byte[] Message(MessageDescriptor descriptor, int depth)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (_random.Next(3) == 0)
            {
                continue;
            }

            var count = field.IsRepeated ? _random.Next(0, 8) switch { 0 => 300, < 4 => 1, _ => _random.Next(2, 6) } : 1;
            for (var i = 0; i < count; i++)
            {
                Field(output, field, depth);
            }
        }

        if (_random.Next(8) == 0)
        {
            // An unknown field, which a parser must skip.
            output.WriteTag(_random.Next(100, 5000), WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(Bytes(_random.Next(0, 16))));
        }

        output.Flush();
        return stream.ToArray();
    }

    private void Field(CodedOutputStream output, FieldDescriptor field, int depth)
    {
        if (_random.Next(25) == 0)
        {
            // The wrong wire type for the field.
            output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32);
            output.WriteFixed32((uint)_random.Next());
            return;
        }

        switch (field.FieldType)
        {
            case FieldType.Message or FieldType.Group:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(depth < 3 ? Message(field.MessageType, depth + 1) : []));
                break;
            case FieldType.String:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(StringBytes()));
                break;
            case FieldType.Bytes:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(Bytes(_random.Next(0, 64))));
                break;
            case FieldType.Fixed32 or FieldType.SFixed32 or FieldType.Float:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32);
                output.WriteFixed32(field.FieldType == FieldType.Float ? BitConverter.SingleToUInt32Bits(Floating()) : (uint)Integer());
                break;
            case FieldType.Fixed64 or FieldType.SFixed64 or FieldType.Double:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64);
                output.WriteFixed64(field.FieldType == FieldType.Double ? BitConverter.DoubleToUInt64Bits(Floating()) : (ulong)Integer());
                break;
            case FieldType.SInt32 or FieldType.SInt64:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteSInt64(Integer());
                break;
            default:
                // int32, int64, uint32, uint64, bool, enum: any varint (an enum out of range, a bool of 2, a 64-bit int32).
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteUInt64((ulong)Integer());
                break;
        }
    }

    private long Integer() => _random.Next(3) == 0 ? _random.NextInt64(long.MinValue, long.MaxValue) : Integers[_random.Next(Integers.Length)];

    private float Floating() => _random.Next(4) switch { 0 => float.NaN, 1 => float.PositiveInfinity, 2 => -1e30f, _ => (float)_random.NextDouble() };

    private byte[] StringBytes() => _random.Next(12) switch
    {
        0 => System.Text.Encoding.UTF8.GetBytes(new string('x', _random.Next(1_000, 20_000))),
        1 => [0xC3, 0x28, 0xFF], // not UTF-8
        2 => System.Text.Encoding.UTF8.GetBytes(Strings[_random.Next(Strings.Length)] + Strings[_random.Next(Strings.Length)]),
        _ => System.Text.Encoding.UTF8.GetBytes(Strings[_random.Next(Strings.Length)]),
    };

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
