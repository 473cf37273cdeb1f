using System.Data.Common;
using System.Threading.Channels;
using Npgsql;

namespace Baken.Bench.Copy;

/// <summary>
/// Copies one table: a reader on its own thread pages through the SQLite table by rowid, a few thousand rows a
/// page, and hands each page on, converted, to the binary COPY into PostgreSQL. At most a few pages wait between
/// the two, so a table of millions of rows is never in memory, and reading and writing overlap.
/// </summary>
public sealed class TableCopier(DbConnection sqlite, NpgsqlConnection postgres)
{
    private const int PageRows = 5_000;
    private const int PagesAhead = 4;

    /// <summary>Copies <paramref name="table"/> and returns the number of rows PostgreSQL took.</summary>
    public async Task<long> CopyAsync(CopyTable table, Action<int> pageWritten, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = Channel.CreateBounded<List<object?[]>>(new BoundedChannelOptions(PagesAhead) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(table, pages.Writer, stop.Token), stop.Token);
        try
        {
            await using var importer = await postgres.BeginBinaryImportAsync(table.PostgresCopy, cancellationToken);
            importer.Timeout = TimeSpan.FromMinutes(30);
            var columns = table.Columns;
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var row in page)
                {
                    importer.StartRow();
                    for (var c = 0; c < columns.Count; c++)
                    {
                        columns[c].Write(importer, row[c]);
                    }
                }

                pageWritten(page.Count);
            }

            await reading;
            return (long)await importer.CompleteAsync(cancellationToken);
        }
        catch
        {
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The reader stopped because the writer failed; the writer's failure is the one to report.
            }

            throw;
        }
    }

    private async Task ReadAsync(CopyTable table, ChannelWriter<List<object?[]>> pages, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = table.SqlitePage;
            var after = command.CreateParameter();
            after.ParameterName = "$after";
            after.Value = long.MinValue;
            var rows = command.CreateParameter();
            rows.ParameterName = "$rows";
            rows.Value = PageRows;
            command.Parameters.Add(after);
            command.Parameters.Add(rows);
            var columns = table.Columns;
            while (true)
            {
                var page = new List<object?[]>(PageRows);
                var lastRowid = long.MinValue;
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        lastRowid = reader.GetInt64(0);
                        var values = new object?[columns.Count];
                        for (var c = 0; c < columns.Count; c++)
                        {
                            try
                            {
                                values[c] = columns[c].Read(reader, c + 1);
                            }
                            catch (Exception e) when (e is not OperationCanceledException)
                            {
                                throw new CopyException($"Reading {table.Name}.{columns[c].Name} from SQLite failed.", e);
                            }
                        }

                        page.Add(values);
                    }
                }

                if (page.Count == 0)
                {
                    break;
                }

                await pages.WriteAsync(page, cancellationToken);
                if (page.Count < PageRows)
                {
                    break;
                }

                after.Value = lastRowid;
            }
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            pages.TryComplete(failure);
        }
    }
}
