namespace MindPeeker.Runtime;

/// <summary>Marker for anything that can be addressed by a <see cref="GrainId"/>: grains and grain references.</summary>
public interface IAddressable;

/// <summary>Marker interface for grain interfaces. Use one of the keyed variants below.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain addressed by a <see cref="Guid"/> key.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain addressed by a <see cref="string"/> key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a <see cref="long"/> key.</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>A grain addressed by a <see cref="Guid"/> plus a string extension.</summary>
public interface IGrainWithGuidCompoundKey : IGrain;

/// <summary>A grain addressed by a <see cref="long"/> plus a string extension.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain;
