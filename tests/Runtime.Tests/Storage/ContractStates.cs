using System.Text.Json.Serialization;

namespace MindPeeker.Runtime.Tests.Storage;

internal sealed record CartState
{
    public string Owner { get; set; } = "";

    public List<CartLine> Lines { get; set; } = [];

    public Address? ShipTo { get; set; }
}

internal sealed record CartLine(string Sku, int Quantity, decimal UnitPrice);

internal sealed record Address(string Street, string City, List<string> Notes);

[JsonDerivedType(typeof(CardPayment), "card")]
[JsonDerivedType(typeof(InvoicePayment), "invoice")]
internal abstract record Payment;

internal sealed record CardPayment(string Last4) : Payment;

internal sealed record InvoicePayment(int DueDays, string Po) : Payment;
