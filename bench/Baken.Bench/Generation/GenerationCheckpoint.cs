using System.Globalization;
using System.Text.Json;
using Baken.Features.Clients;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Bench.Generation;

/// <summary>
/// What a generation run needs to go on after it was stopped: the scale and seed, the regions and partner network
/// it made (their ids), and the clients it has saved, in the order they were made. It lives in the data directory
/// beside the key files: <c>generation.json</c>, written once the staff and partners are in place, and
/// <c>generation-clients.txt</c>, one client id a line, appended after each committed batch. A batch is one
/// transaction, so the database holds whole batches only; the planner is replayed (without saving) over the
/// clients already made, which brings its random sequence to where the stopped run left it.
/// The stress set takes longer to build than a working session here, which is why this exists.
/// </summary>
public sealed record GenerationCheckpoint(string Scale, int Seed, IReadOnlyList<Region> Regions, PartnerNetwork Partners)
{
    private const string FileName = "generation.json";
    private const string ClientsFileName = "generation-clients.txt";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathIn(string directory) => System.IO.Path.Combine(directory, FileName);

    public static GenerationCheckpoint? Read(string directory)
    {
        var path = PathIn(directory);
        return File.Exists(path) ? JsonSerializer.Deserialize<GenerationCheckpoint>(File.ReadAllText(path), Json) : null;
    }

    public void Write(string directory)
    {
        File.WriteAllText(PathIn(directory), JsonSerializer.Serialize(this, Json));
        File.WriteAllText(System.IO.Path.Combine(directory, ClientsFileName), string.Empty);
    }

    public static void Append(string directory, IEnumerable<Guid> clients) =>
        File.AppendAllLines(System.IO.Path.Combine(directory, ClientsFileName), clients.Select(c => c.ToString("D", CultureInfo.InvariantCulture)));

    /// <summary>
    /// The clients already made, in the order they were made. A run stopped between a batch's commit and the line
    /// written after it leaves clients in the database that the file lacks: they are the last batch, and are taken
    /// in id order (ids are time-ordered) and written to the file.
    /// </summary>
    public static async Task<List<Guid>> MadeClientsAsync(string directory, BakenDbContext db, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(directory, ClientsFileName);
        var listed = File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => Guid.Parse(l, CultureInfo.InvariantCulture)).ToList()
            : [];
        var saved = await db.Set<Client>().Select(c => c.Id).ToListAsync(cancellationToken);
        if (saved.Count < listed.Count)
        {
            throw new InvalidOperationException($"{FileName} lists {listed.Count:N0} clients but the database holds {saved.Count:N0}: this is not the database that run wrote to.");
        }

        var known = listed.ToHashSet();
        var missing = saved.Where(id => !known.Contains(id)).Order().ToList();
        if (missing.Count > 0)
        {
            Append(directory, missing);
            listed.AddRange(missing);
        }

        return listed;
    }
}
