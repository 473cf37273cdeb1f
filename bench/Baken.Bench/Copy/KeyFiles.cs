namespace Baken.Bench.Copy;

/// <summary>
/// The key material a dataset keeps beside its database, in <c>keys/</c> of the data directory: the
/// key-encryption keys (<c>kek-v{n}.key</c>) that wrap every client's data key and the Data Protection keys,
/// and the processing log's signing key. The copied rows are only readable and verifiable with these, so they
/// travel with them. (Everything else of the app's lives in the database.)
/// </summary>
public static class KeyFiles
{
    public const string Folder = "keys";

    /// <summary>
    /// Copies every file of <paramref name="from"/>/keys to <paramref name="to"/>/keys, owner-only as the app makes
    /// them. A file already there is accepted only when it holds the same bytes: other keys could not open the copy.
    /// </summary>
    public static int Copy(string from, string to)
    {
        var source = Path.Combine(from, Folder);
        if (!Directory.Exists(source) || !Directory.EnumerateFiles(source, "kek-v*.key").Any())
        {
            throw new CopyException($"{source} holds no key-encryption key; --data must be a folder made by generate.");
        }

        var target = Path.Combine(to, Folder);
        Directory.CreateDirectory(target);
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var destination = Path.Combine(target, Path.GetFileName(file));
            if (File.Exists(destination))
            {
                if (!File.ReadAllBytes(destination).AsSpan().SequenceEqual(File.ReadAllBytes(file)))
                {
                    throw new CopyException($"{destination} already exists with other contents; copy into an empty --to-data folder.");
                }

                continue;
            }

            File.Copy(file, destination);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(destination, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            copied++;
        }

        return copied;
    }
}
