namespace MindPeeker.ApiFrontend.Http.Validation;

/// <summary>A request body that can say what is wrong with it, by snake_case field name.</summary>
internal interface IValidatableRequest
{
    /// <summary>Field → messages; empty when the request is valid.</summary>
    Dictionary<string, string[]> Validate(TimeProvider time);
}
