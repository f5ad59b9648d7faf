namespace StreamProcessor.Ingestion.Tables;

public enum TableFormat
{
    Csv,
    Parquet,
    Arrow,
}
