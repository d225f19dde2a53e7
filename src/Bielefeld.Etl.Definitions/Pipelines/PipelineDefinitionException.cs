namespace Bielefeld.Etl.Definitions.Pipelines;

/// <summary>A pipeline file refers to something unknown or is malformed; raised at start-up, before any file is read.</summary>
public sealed class PipelineDefinitionException(string message) : Exception(message);
