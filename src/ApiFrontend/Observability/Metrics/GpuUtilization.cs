using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// GPU utilization through NVIDIA's management library (<c>libnvidia-ml.so.1</c>, shipped with the driver). When
/// the library or a device is missing (CPU-only hosts, the front end's pods) <see cref="IsAvailable"/> is false and no
/// GPU gauge is exported at all, rather than a misleading 0. Thread-safe (NVML is).
/// </summary>
internal sealed class GpuUtilization
{
    private const string Library = "libnvidia-ml.so.1";

    private readonly IntPtr[] _devices = [];

    public GpuUtilization()
    {
        try
        {
            if (!NativeLibrary.TryLoad(Library, out _) || NvmlInit() != 0 || NvmlDeviceCount(out var count) != 0)
            {
                return;
            }

            var devices = new List<IntPtr>();
            for (uint i = 0; i < count; i++)
            {
                if (NvmlDeviceByIndex(i, out var device) == 0)
                {
                    devices.Add(device);
                }
            }

            _devices = [.. devices];
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            _devices = [];
        }
    }

    public bool IsAvailable => _devices.Length > 0;

    /// <summary>One measurement per device that answered (0–100, label <c>device</c> = its index).</summary>
    public IEnumerable<Measurement<double>> Observe()
    {
        var measurements = new List<Measurement<double>>(_devices.Length);
        for (var i = 0; i < _devices.Length; i++)
        {
            if (NvmlUtilization(_devices[i], out var rates) == 0)
            {
                measurements.Add(new(rates.Gpu, new KeyValuePair<string, object?>("device", i.ToString(CultureInfo.InvariantCulture))));
            }
        }

        return measurements;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct UtilizationRates
    {
        public uint Gpu;
        public uint Memory;
    }

    [DllImport(Library, EntryPoint = "nvmlInit_v2")]
    private static extern int NvmlInit();

    [DllImport(Library, EntryPoint = "nvmlDeviceGetCount_v2")]
    private static extern int NvmlDeviceCount(out uint count);

    [DllImport(Library, EntryPoint = "nvmlDeviceGetHandleByIndex_v2")]
    private static extern int NvmlDeviceByIndex(uint index, out IntPtr device);

    [DllImport(Library, EntryPoint = "nvmlDeviceGetUtilizationRates")]
    private static extern int NvmlUtilization(IntPtr device, out UtilizationRates rates);
}
