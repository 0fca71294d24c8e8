using System.Buffers;
using System.Text;
using System.Text.Json;
using MindPeeker.Runtime.CodeGen.Tests.Infrastructure;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;
using MindPeeker.Runtime.Storage;

namespace MindPeeker.Runtime.CodeGen.Tests;

/// <summary>
/// A remote call is a request written as JSON by the caller's process and rebuilt, from the method id,
/// by the target's: these tests take that path without the network in between.
/// </summary>
public sealed class RequestArgumentJsonTests : IDisposable
{
    private static readonly JsonSerializerOptions Options = GrainStateJson.Options;

    private readonly CompiledGrainAssembly _assembly = GeneratorHarness.Run(RemoteCallSample.Source).Load();
    private readonly GrainManifestBuilder _manifest;

    public RequestArgumentJsonTests()
    {
        _manifest = _assembly.PopulateManifest();
    }

    public void Dispose() => _assembly.Dispose();

    [Theory]
    [InlineData("Add", 3, "sku")]
    [InlineData("Add", -1, "")]
    [InlineData("Annotate", null, null)]
    [InlineData("Annotate", "fragile \"glass\" ✓", 5)]
    public void RoundTrip_RebuildsPrimitiveAndNullableArguments(string methodName, object? first, object? second)
    {
        var sent = Send(methodName, first, second);

        var rebuilt = RoundTrip(sent);

        rebuilt.GetArgument(0).Should().Be(first);
        rebuilt.GetArgument(1).Should().Be(second);
    }

    [Fact]
    public void RoundTrip_RebuildsRecordsWithNestedCollections()
    {
        var order = NewOrder(note: null);

        var rebuilt = RoundTrip(Send("Submit", order));

        rebuilt.GetArgument(0).Should().NotBeSameAs(order).And.BeEquivalentTo(order, o => o.ComparingRecordsByMembers());
    }

    [Fact]
    public void RoundTrip_RebuildsCollectionsIncludingNullElements()
    {
        var tags = new List<string> { "a", "b" };
        var counts = new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 };
        var scores = new[] { 5, 6, 7 };
        var items = ListOf(_assembly.GetType("Sample.LineItem"), NewLineItem("sku-1", 2, 9.5m), null);

        var rebuilt = RoundTrip(Send("Tag", tags, counts, scores, items));

        rebuilt.GetArgument(0).Should().BeEquivalentTo(tags, o => o.WithStrictOrdering());
        rebuilt.GetArgument(1).Should().BeEquivalentTo(counts);
        rebuilt.GetArgument(2).Should().BeEquivalentTo(scores, o => o.WithStrictOrdering());
        rebuilt.GetArgument(3).Should().BeEquivalentTo(items, o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(0, 1)]
    public void RoundTrip_RebuildsGuidEnumNullableEnumAndTimeArguments(int priority, int? fallback)
    {
        var priorityType = _assembly.GetType("Sample.Priority");
        var arguments = new object?[]
        {
            Guid.NewGuid(),
            Enum.ToObject(priorityType, priority),
            fallback is { } value ? Enum.ToObject(priorityType, value) : null,
            new DateTimeOffset(2026, 11, 22, 3, 4, 5, TimeSpan.FromHours(2)),
            TimeSpan.FromSeconds(90),
        };

        var rebuilt = RoundTrip(Send("Reserve", arguments));

        Enumerable.Range(0, arguments.Length).Select(rebuilt.GetArgument).Should().Equal(arguments);
    }

    [Fact]
    public void MethodWithoutArguments_WritesAnEmptyArray_AndReadsItBack()
    {
        var sent = Send("Count");

        Encoding.UTF8.GetString(Write(sent)).Should().Be("[]");
        RoundTrip(sent).ArgumentCount.Should().Be(0);
    }

    [Fact]
    public void CancellationToken_DoesNotCrossProcesses_AndArrivesAsNone()
    {
        using var cancellation = new CancellationTokenSource();
        var sent = Send("Wait", "shutdown", cancellation.Token);

        var rebuilt = RoundTrip(sent);

        Encoding.UTF8.GetString(Write(sent)).Should().Be("[\"shutdown\",null]");
        rebuilt.GetArgument(0).Should().Be("shutdown");
        rebuilt.GetArgument(1).Should().Be(CancellationToken.None);
    }

    [Fact]
    public async Task RebuiltRequest_RunsTheMethodWithTheArguments_AndAnswersAsTheDirectCallDoes()
    {
        var catalog = Activator.CreateInstance(_assembly.GetType("Sample.Catalog"))!;
        var order = NewOrder(note: "gift");

        var rebuilt = RoundTrip(Send("Submit", order));
        rebuilt.Host = new RecordingCallInvoker();
        rebuilt.Start(catalog, filters: null);
        var (result, error) = await rebuilt.WaitForJsonResultAsync(Options).WaitAsync(TimeSpan.FromSeconds(10));

        error.Should().BeNull();
        using var answer = JsonDocument.Parse(result!);
        answer.RootElement.GetProperty("note").GetString().Should().Be("accepted");
        answer.RootElement.GetProperty("customer").GetString().Should().Be("ada");
        answer.RootElement.GetProperty("items").GetArrayLength().Should().Be(2);
    }

    [Theory]
    [InlineData("[3]", "too few elements")]
    [InlineData("[3,\"sku\",4]", "too many elements")]
    [InlineData("[]", "no elements")]
    [InlineData("{\"quantity\":3}", "an object instead of an array")]
    public void ReadArguments_OfAMalformedArray_ThrowsJsonExceptionNamingTheMethod(string json, string because)
    {
        var request = CreateRequest("Sample.ICatalog", Send("Add", 1, "x").Method.MethodId);

        var read = () => Read(request, Encoding.UTF8.GetBytes(json));

        read.Should().Throw<JsonException>(because)
            .WithMessage("*Sample.ICatalog.Add*exactly 2 elements*");
    }

    [Fact]
    public void ReadArguments_ForAMethodWithoutArguments_RejectsAnyElement()
    {
        var request = CreateRequest("Sample.ICatalog", Send("Count").Method.MethodId);

        var read = () => Read(request, "[1]"u8.ToArray());

        read.Should().Throw<JsonException>().WithMessage("*Sample.ICatalog.Count*exactly 0 elements*");
    }

    private GrainRequest Send(string methodName, params object?[] arguments)
    {
        var invoker = new RecordingCallInvoker();
        var catalogType = _assembly.GetType("Sample.ICatalog");
        var proxy = _manifest.Proxies[catalogType](invoker, GrainId.Create("catalog", "main"));
        catalogType.GetMethod(methodName)!.Invoke(proxy, arguments);
        return invoker.LastRequest;
    }

    /// <summary>Writes the request's arguments, rebuilds a request from its method id, and reads them back into it.</summary>
    private GrainRequest RoundTrip(GrainRequest sent)
    {
        var rebuilt = CreateRequest("Sample.ICatalog", sent.Method.MethodId);
        Read(rebuilt, Write(sent));
        rebuilt.Method.Should().BeSameAs(sent.Method);
        return rebuilt;
    }

    private GrainRequest CreateRequest(string interfaceName, int methodId) =>
        _manifest.RequestFactories[_assembly.GetType(interfaceName)](methodId)!;

    private static byte[] Write(GrainRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteArguments(writer, Options);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads as the receiving silo does, and checks the reader is left on the array's end, with nothing after it.</summary>
    private static void Read(GrainRequest request, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        request.ReadArguments(ref reader, Options);
        reader.TokenType.Should().Be(JsonTokenType.EndArray);
        reader.Read().Should().BeFalse();
    }

    private object NewOrder(string? note)
    {
        var itemType = _assembly.GetType("Sample.LineItem");
        var items = ListOf(itemType, NewLineItem("sku-1", 2, 9.5m), NewLineItem("sku-2", 1, 120m));
        return Activator.CreateInstance(
            _assembly.GetType("Sample.Order"),
            Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
            "ada",
            items,
            Enum.ToObject(_assembly.GetType("Sample.Priority"), 1),
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            note)!;
    }

    private object NewLineItem(string sku, int quantity, decimal price) =>
        Activator.CreateInstance(_assembly.GetType("Sample.LineItem"), sku, quantity, price)!;

    private static object ListOf(Type elementType, params object?[] elements)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var element in elements)
        {
            list.Add(element);
        }

        return list;
    }
}
