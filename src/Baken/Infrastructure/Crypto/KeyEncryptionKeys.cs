using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// The key-encryption keys (KEKs): 256-bit keys that live outside the database and protect the keys inside it
/// (Data Protection's cookie keys now, per-client data keys later). Versioned, so keys can be rotated.
/// A KMS can replace the file-based source by implementing this interface.
/// </summary>
public interface IKeyEncryptionKeys
{
    int CurrentVersion { get; }

    /// <summary>The key of <paramref name="version"/>; throws when this installation does not hold it.</summary>
    ReadOnlySpan<byte> Get(int version);
}

/// <summary>
/// KEKs from files <c>keys/kek-v{n}.key</c> in the data directory (created on first start, readable by the
/// owner only), or one key given as base64 in <c>Baken:Keys:Kek</c> (for example from a secret store).
/// </summary>
public sealed class FileKeyEncryptionKeys : IKeyEncryptionKeys
{
    public const int KeySize = 32;
    private const string Prefix = "kek-v";
    private const string Suffix = ".key";

    private readonly Dictionary<int, byte[]> _keys = [];

    public FileKeyEncryptionKeys(IOptions<BakenOptions> options, IConfiguration configuration)
    {
        var configured = configuration["Baken:Keys:Kek"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _keys[1] = Decode(configured, "Baken:Keys:Kek");
        }
        else
        {
            Directory = Path.Combine(options.Value.FullDataDirectory, "keys");
            LoadOrCreate(Directory);
        }

        CurrentVersion = _keys.Keys.Max();
    }

    /// <summary>Where the key files are; null when the key comes from configuration.</summary>
    public string? Directory { get; }

    public int CurrentVersion { get; }

    public ReadOnlySpan<byte> Get(int version) =>
        _keys.TryGetValue(version, out var key)
            ? key
            : throw new CryptographicException($"Key-encryption key version {version} is not available to this installation.");

    private void LoadOrCreate(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, Prefix + "*" + Suffix))
        {
            var name = Path.GetFileName(file);
            if (int.TryParse(name[Prefix.Length..^Suffix.Length], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                _keys[version] = Decode(File.ReadAllText(file), name);
            }
        }

        if (_keys.Count == 0)
        {
            _keys[1] = Create(Path.Combine(directory, $"{Prefix}1{Suffix}"));
        }
    }

    private static byte[] Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            return key.Length == KeySize
                ? key
                : throw new CryptographicException($"{source} must hold {KeySize} bytes, base64-encoded.");
        }
        catch (FormatException)
        {
            throw new CryptographicException($"{source} is not valid base64.");
        }
    }
}
