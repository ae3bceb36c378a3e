// The configuration model has its own LogLevel (Supervisor's levels); elsewhere LogLevel means the logging API's.
global using LogLevel = Microsoft.Extensions.Logging.LogLevel;
