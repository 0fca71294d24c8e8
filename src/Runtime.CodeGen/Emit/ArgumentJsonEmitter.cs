using MindPeeker.Runtime.CodeGen.Analysis;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Emit;

/// <summary>
/// Writes a request's <c>WriteArguments</c> and <c>ReadArguments</c>: the arguments as a JSON array,
/// one element per parameter in declaration order, serialized with the caller's options. Reading
/// demands exactly that many elements and throws a <c>JsonException</c> naming the method otherwise.
/// A <c>CancellationToken</c> does not cross processes: it is written as <c>null</c> and read as none.
/// </summary>
internal static class ArgumentJsonEmitter
{
    private const string Json = "global::System.Text.Json.";

    public static void Emit(SourceWriter writer, GrainInterfaceModel grainInterface, GrainMethodModel method)
    {
        var parameters = method.Parameters;
        writer.Open($"public override void WriteArguments({Json}Utf8JsonWriter writer, {Json}JsonSerializerOptions options)")
            .Line("writer.WriteStartArray();");
        for (var i = 0; i < parameters.Count; i++)
        {
            writer.Line(parameters[i].IsCancellationToken
                ? "writer.WriteNullValue();"
                : $"{Json}JsonSerializer.Serialize<{parameters[i].TypeName}>(writer, Arg{i}, options);");
        }

        writer.Line("writer.WriteEndArray();")
            .Close()
            .Line()
            .Open($"public override void ReadArguments(ref {Json}Utf8JsonReader reader, {Json}JsonSerializerOptions options)")
            .Open($"if (reader.TokenType != {Json}JsonTokenType.StartArray)")
            .Line("throw MalformedArguments();")
            .Close();
        for (var i = 0; i < parameters.Count; i++)
        {
            writer.Line()
                .Open($"if (!reader.Read() || reader.TokenType == {Json}JsonTokenType.EndArray)")
                .Line("throw MalformedArguments();")
                .Close()
                .Line()
                .Line(ReadArgument(parameters[i], i));
        }

        writer.Line()
            .Open($"if (!reader.Read() || reader.TokenType != {Json}JsonTokenType.EndArray)")
            .Line("throw MalformedArguments();")
            .Close()
            .Close()
            .Line()
            .Line($"private static {Json}JsonException MalformedArguments() =>")
            .Line($"    new {Json}JsonException({TypeNames.QuoteString(MalformedMessage(grainInterface, method))});");
    }

    private static string ReadArgument(RequestParameterModel parameter, int index)
    {
        if (parameter.IsCancellationToken)
        {
            return "reader.Skip();";
        }

        var forgiving = parameter.NeedsNullForgivingDefault ? "!" : string.Empty;
        return $"Arg{index} = {Json}JsonSerializer.Deserialize<{parameter.TypeName}>(ref reader, options){forgiving};";
    }

    private static string MalformedMessage(GrainInterfaceModel grainInterface, GrainMethodModel method)
    {
        var count = method.Parameters.Count;
        var elements = count == 1 ? "1 element" : $"{count} elements";
        var proxy = grainInterface.TypeName == method.DeclaringInterface ? string.Empty : $" (called through '{DisplayName(grainInterface.TypeName)}')";
        return $"The arguments of '{DisplayName(method.DeclaringInterface)}.{method.Name}'{proxy} must be a JSON array of exactly {elements}, one per parameter.";
    }

    private static string DisplayName(string fullyQualifiedName) =>
        fullyQualifiedName.StartsWith("global::", System.StringComparison.Ordinal) ? fullyQualifiedName.Substring("global::".Length) : fullyQualifiedName;
}
