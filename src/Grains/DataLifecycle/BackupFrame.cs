namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// The frames of a backup's plaintext (inside compression and encryption): <c>Table</c> (UTF-8 JSON of a
/// <see cref="BackupTable"/>), then that table's <c>Data</c> frames (binary <c>COPY</c> bytes), then <c>EndTable</c>;
/// after all tables one <c>Manifest</c> (UTF-8 JSON of a <see cref="BackupManifest"/>) and <c>End</c>. Each frame is
/// <c>kind (1 byte) | length (int32 big endian) | bytes</c>.
/// </summary>
internal enum BackupFrame : byte
{
    Table = (byte)'T',
    Data = (byte)'D',
    EndTable = (byte)'E',
    Manifest = (byte)'M',
    End = (byte)'Z',
}
