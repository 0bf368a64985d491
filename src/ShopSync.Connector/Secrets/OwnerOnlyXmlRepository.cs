using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ShopSync.Connector.Secrets;

/// <summary>
/// The Data Protection key ring as one XML file per key in a folder only the server's user can open (0700, files
/// 0600), apart from the database: a copy of the database alone no longer decrypts the shops' secrets.
/// </summary>
public sealed class OwnerOnlyXmlRepository : IXmlRepository
{
    private readonly string _directory;

    public OwnerOnlyXmlRepository(string directory)
    {
        _directory = Path.GetFullPath(directory);
    }

    public string Directory => _directory;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!System.IO.Directory.Exists(_directory))
        {
            return [];
        }
        return System.IO.Directory.EnumerateFiles(_directory, "*.xml")
            .Order(StringComparer.Ordinal)
            .Select(file => XElement.Load(file))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        OwnerOnlyFiles.EnsureDirectory(_directory);
        var name = IsSafeName(friendlyName) ? friendlyName : Guid.NewGuid().ToString();
        OwnerOnlyFiles.WriteAllText(Path.Combine(_directory, name + ".xml"), element.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>Whether a key with this file name is in the folder already.</summary>
    public bool Contains(string friendlyName) => IsSafeName(friendlyName) && File.Exists(Path.Combine(_directory, friendlyName + ".xml"));

    private static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
