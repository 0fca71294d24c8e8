using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>Reads the class attributes that shape activation: reentrancy, stateless workers and collection age.</summary>
internal static class GrainClassOptionsReader
{
    private const int ProcessorCountWorkers = -1;

    /// <summary>[Reentrant] is inherited, so any base class may carry it.</summary>
    public static bool IsReentrant(INamedTypeSymbol grainClass)
    {
        for (var current = grainClass; current is not null; current = current.BaseType)
        {
            if (RuntimeSymbols.FindAttribute(current, "ReentrantAttribute") is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>0 for an ordinary grain, else the [StatelessWorker] limit (-1: processor count).</summary>
    public static int StatelessWorkerMaxLocal(INamedTypeSymbol grainClass)
    {
        if (RuntimeSymbols.FindAttribute(grainClass, "StatelessWorkerAttribute") is not { } attribute)
        {
            return 0;
        }

        return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int maxLocal
            ? maxLocal
            : ProcessorCountWorkers;
    }

    /// <summary>The [CollectionAgeLimit] age as a C# double literal in minutes; null when absent or zero.</summary>
    public static string? CollectionAgeMinutes(INamedTypeSymbol grainClass, out bool alwaysActive)
    {
        alwaysActive = false;
        if (RuntimeSymbols.FindAttribute(grainClass, "CollectionAgeLimitAttribute") is not { } attribute)
        {
            return null;
        }

        double days = 0, hours = 0, minutes = 0;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Days":
                    days = ToDouble(argument.Value.Value);
                    break;
                case "Hours":
                    hours = ToDouble(argument.Value.Value);
                    break;
                case "Minutes":
                    minutes = ToDouble(argument.Value.Value);
                    break;
                case "AlwaysActive":
                    alwaysActive = argument.Value.Value is true;
                    break;
            }
        }

        var total = (days * 24 * 60) + (hours * 60) + minutes;
        return total > 0 && !double.IsInfinity(total)
            ? total.ToString("R", CultureInfo.InvariantCulture) + "D"
            : null;
    }

    private static double ToDouble(object? value) =>
        value is IConvertible convertible ? convertible.ToDouble(CultureInfo.InvariantCulture) : 0;
}
