using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// Encrypts ASP.NET Core Data Protection's key ring (which protects the sign-in and antiforgery cookies) with the
/// current key-encryption key before it is stored in the database, so a copy of the database alone cannot be
/// used to forge a session. AES-256-GCM; the KEK version travels with the ciphertext.
/// </summary>
public sealed class KekXmlEncryptor(IKeyEncryptionKeys keys) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:baken:kek";
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var version = keys.CurrentVersion;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var payload = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(keys.Get(version), TagSize))
        {
            aes.Encrypt(nonce, plaintext, payload.AsSpan(NonceSize + TagSize), payload.AsSpan(NonceSize, TagSize), AssociatedData(version));
        }

        var element = new XElement(Namespace + "encrypted",
            new XAttribute("kekVersion", version.ToString(CultureInfo.InvariantCulture)),
            Convert.ToBase64String(payload));
        return new EncryptedXmlInfo(element, typeof(KekXmlDecryptor));
    }

    internal static byte[] AssociatedData(int version) =>
        Encoding.UTF8.GetBytes($"baken:data-protection-key:kek-v{version.ToString(CultureInfo.InvariantCulture)}");
}

/// <summary>The reverse of <see cref="KekXmlEncryptor"/>; Data Protection creates it with the app's services.</summary>
public sealed class KekXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetRequiredService<IKeyEncryptionKeys>();
        var version = int.Parse((string?)encryptedElement.Attribute("kekVersion") ?? "0", CultureInfo.InvariantCulture);
        var payload = Convert.FromBase64String(encryptedElement.Value);
        var nonce = payload.AsSpan(0, KekXmlEncryptor.NonceSize);
        var tag = payload.AsSpan(KekXmlEncryptor.NonceSize, KekXmlEncryptor.TagSize);
        var ciphertext = payload.AsSpan(KekXmlEncryptor.NonceSize + KekXmlEncryptor.TagSize);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(keys.Get(version), KekXmlEncryptor.TagSize))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, KekXmlEncryptor.AssociatedData(version));
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
