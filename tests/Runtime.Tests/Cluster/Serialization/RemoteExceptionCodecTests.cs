using MindPeeker.Runtime.Cluster.Serialization;

namespace MindPeeker.Runtime.Tests.Cluster.Serialization;

public sealed class RemoteExceptionCodecTests
{
    [Fact]
    public void A_known_exception_type_arrives_as_the_same_type_with_the_same_message_and_the_remote_stack()
    {
        var thrown = Throw(() => throw new ArgumentException("cue is empty"));

        var received = RemoteExceptionCodec.Deserialize(RemoteExceptionCodec.Serialize(thrown));

        received.Should().BeOfType<ArgumentException>().Which.Message.Should().Be("cue is empty");
        received.Data[RemoteExceptionCodec.RemoteStackTraceKey].Should().BeOfType<string>().Which.Should().Contain(nameof(Throw));
    }

    [Fact]
    public void A_type_the_caller_cannot_create_arrives_as_a_remote_grain_exception_naming_it()
    {
        var payload = """{"Type":"Vendor.Secret.QuotaException","Message":"quota spent","StackTrace":null}"""u8.ToArray();

        var received = RemoteExceptionCodec.Deserialize(payload);

        var remote = received.Should().BeOfType<RemoteGrainException>().Subject;
        remote.OriginalTypeName.Should().Be("Vendor.Secret.QuotaException");
        remote.Message.Should().Be("Vendor.Secret.QuotaException: quota spent");
    }

    [Fact]
    public void An_unreadable_payload_becomes_a_remote_grain_exception_instead_of_crashing_the_caller()
    {
        RemoteExceptionCodec.Deserialize("not json"u8).Should().BeOfType<RemoteGrainException>()
            .Which.Message.Should().Contain("could not read");
    }

    [Fact]
    public void Request_context_values_keep_their_kind_across_the_wire()
    {
        var json = new GrainCallJson(new Manifest.GrainTypeRegistry([]), () => throw new InvalidOperationException());
        var values = new Dictionary<string, object> { ["user"] = "ada", ["attempt"] = 3, ["ratio"] = 0.5, ["admin"] = true };

        var received = GrainCallJson.DeserializeRequestContext(json.SerializeRequestContext(values));

        received.Should().BeEquivalentTo(new Dictionary<string, object> { ["user"] = "ada", ["attempt"] = 3L, ["ratio"] = 0.5, ["admin"] = true });
        GrainCallJson.DeserializeRequestContext(json.SerializeRequestContext(null)).Should().BeNull();
    }

    private static Exception Throw(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The action did not throw.");
    }
}
