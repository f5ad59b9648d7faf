namespace StreamProcessor.SubscribeCli;

public enum OutputFormat
{
    Table,
    Csv,
    Parquet,
    Arrow,
}
