using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Baken.Infrastructure.ProcessingLog;

/// <summary>
/// Signs the head of the processing log with an ECDSA P-256 key kept outside the database
/// (<c>keys/processing-log-signing.pem</c> in the data directory, owner-only, created on first use), so whoever
/// can write to the database still cannot rewrite history without the verification noticing.
/// </summary>
public sealed class LogSigner : IDisposable
{
    private const string FileName = "processing-log-signing.pem";
    private readonly ECDsa _key;

    public LogSigner(IOptions<BakenOptions> options)
    {
        var directory = Path.Combine(options.Value.FullDataDirectory, "keys");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            _key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(new FileStream(path, fileOptions));
            writer.Write(_key.ExportPkcs8PrivateKeyPem());
        }
    }

    public string Sign(long sequence, string hash) =>
        Convert.ToBase64String(_key.SignData(LogHash.HeadPayload(sequence, hash), HashAlgorithmName.SHA256));

    public bool Verify(long sequence, string hash, string signature)
    {
        try
        {
            return _key.VerifyData(LogHash.HeadPayload(sequence, hash), Convert.FromBase64String(signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}
