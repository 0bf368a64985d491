namespace ShopSync.Shopify.Sandbox;

/// <summary>Word lists of the deterministic demo data.</summary>
internal static class SandboxNames
{
    public static readonly string[] FirstNames = ["Anna", "Jón", "Sigrún", "Lars", "Eva", "Mikko", "Sofie", "Pieter", "Greta", "Oliver", "Emma", "Noah", "Ingrid", "Ólafur", "Aino", "Jens"];

    public static readonly string[] LastNames = ["Jónsdóttir", "Hansen", "Virtanen", "de Vries", "Müller", "Smith", "Berg", "Korhonen", "Jansen", "Schmidt", "Larsen", "Brown"];

    public static readonly string[] Adjectives = ["Classic", "Arctic", "Nordic", "Urban", "Vintage", "Organic", "Rugged", "Silent", "Bright", "Cozy"];

    public static readonly string[] Nouns = ["Wool Sweater", "Rain Jacket", "Coffee Mug", "Desk Lamp", "Hiking Boots", "Scarf", "Backpack", "Water Bottle", "Notebook", "Candle"];

    public static readonly string[] Vendors = ["Fjord Goods", "Aurora Supply", "Lakeside Co", "North Works"];

    public static readonly string[] Companies = ["Reykjavik Outfitters", "Helsinki Design", "Bergen Trading", "Utrecht Wholesale", "Hamburg Retail", "Oslo Sports", "Turku Gifts", "Akureyri Store"];

    public static readonly string[] Tags = ["vip", "wholesale", "gift", "repeat", "priority", "newsletter"];

    public static readonly (string Code, string Name, string City, string Zip)[] Countries =
    [
        ("US", "United States", "Seattle", "98101"),
        ("IS", "Iceland", "Reykjavík", "101"),
        ("NO", "Norway", "Bergen", "5003"),
        ("FI", "Finland", "Helsinki", "00100"),
        ("NL", "Netherlands", "Utrecht", "3511"),
        ("DE", "Germany", "Hamburg", "20095"),
        ("GB", "United Kingdom", "London", "EC1A 1BB"),
        ("CA", "Canada", "Toronto", "M5H 2N2"),
        ("DK", "Denmark", "Copenhagen", "1050"),
    ];

    public static readonly string[] FinancialStates = ["PAID", "PARTIALLY_PAID", "PENDING", "AUTHORIZED", "REFUNDED", "PARTIALLY_REFUNDED", "VOIDED"];

    public static readonly string[] FulfillmentStates = ["FULFILLED", "UNFULFILLED", "PARTIALLY_FULFILLED"];

    public static readonly (string Handle, string Name, string App, string Source)[] Channels =
    [
        ("web", "Online Store", "gid://shopify/App/580111", "web"),
        ("pos", "Point of Sale", "gid://shopify/App/129785", "pos"),
        ("shop", "Shop", "gid://shopify/App/3890849", "shop"),
        ("b2b", "B2B Portal", "gid://shopify/App/1354745", "shopify_draft_order"),
    ];
}
