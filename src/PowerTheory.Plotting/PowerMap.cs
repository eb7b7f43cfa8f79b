using ScottPlot;

namespace PowerTheory.Plotting;

/// <summary>A drawn POWER map (<see cref="PowerMapPlot.Create"/>).</summary>
/// <param name="Plot">The figure; save it with <see cref="FigureFile.Save"/> or style it further.</param>
/// <param name="Layout">The gridworld's cells.</param>
/// <param name="CellsLabelled">False when the grid has more than <see cref="PowerMapPlot.MaxLabelledCells"/> open cells
/// and the per-cell values were left out (colours only).</param>
public sealed record PowerMap(Plot Plot, GridLayout Layout, bool CellsLabelled);
