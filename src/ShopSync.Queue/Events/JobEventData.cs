namespace ShopSync.Queue.Events;

/// <summary>The payload of a <see cref="JobEvent"/> (maps to the proto's <c>oneof kind</c>).</summary>
public abstract record JobEventData;
