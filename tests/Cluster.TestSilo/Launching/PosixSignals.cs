using System.ComponentModel;
using System.Runtime.InteropServices;

namespace MindPeeker.Cluster.TestSilo.Launching;

/// <summary>Sends POSIX signals to another process (Linux numbering).</summary>
public static partial class PosixSignals
{
    /// <summary>Asks the process to stop; the .NET host turns it into a graceful shutdown.</summary>
    public const int Terminate = 15;

    /// <summary>Freezes the process: it neither answers probes nor runs timers until <see cref="Continue"/>.</summary>
    public const int Stop = 19;

    /// <summary>Resumes a process frozen with <see cref="Stop"/>.</summary>
    public const int Continue = 18;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({processId}, {signal}) failed.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
