namespace Schuldketen.Functions.Signals;

/// <summary>
/// Where an import's body waits on disk, by import id, from its arrival until every row is applied: bodies of up to
/// the upload limit never sit in memory, and a host that stopped half-way reads on from the same file.
/// </summary>
public sealed class SignalSpool(string folder)
{
    public string PathOf(string importId) => Path.Combine(folder, importId + ".body");

    public async Task<string> WriteAsync(string importId, Stream body, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(importId);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await body.CopyToAsync(file, cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        return path;
    }

    public void Delete(string importId) => File.Delete(PathOf(importId));
}
