namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// Reads every response body into memory up to a cap and throws <see cref="AiResponseTooLargeException"/> beyond it
/// (a declared <c>Content-Length</c> over the cap fails before reading), so a runaway answer never fills the silo's memory.
/// </summary>
internal sealed class ResponseSizeCapHandler(int maxBytes, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw TooLarge(response.Content.Headers.ContentLength.Value);
            }

            var buffer = new MemoryStream();
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        throw TooLarge(null);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }

            var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
            foreach (var (name, values) in response.Content.Headers)
            {
                content.Headers.TryAddWithoutValidation(name, values);
            }

            content.Headers.ContentLength = buffer.Length;
            response.Content = content;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private AiResponseTooLargeException TooLarge(long? declared) => new(declared is { } length
        ? $"response of {length} bytes exceeds the cap of {maxBytes} bytes"
        : $"response exceeds the cap of {maxBytes} bytes");
}
