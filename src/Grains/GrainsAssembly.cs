namespace MindPeeker.Grains;

/// <summary>Names this assembly to the silo's <c>AddGrains</c>; MindPeeker's grain classes live beside it.</summary>
public static class GrainsAssembly;
