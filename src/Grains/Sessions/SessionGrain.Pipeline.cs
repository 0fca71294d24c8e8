using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// The analysis pipeline, one stage per tick of an interleaving grain timer (started, one analysis
/// per type, completed), so calls such as Get and Cancel are served while a model runs. A stage
/// whose write PostgreSQL refused recorded nothing; the timer runs it again, with a growing delay.
/// </summary>
internal sealed partial class SessionGrain
{
    private IGrainTimer? _work;
    private TimeSpan _workPeriod;
    private TimeSpan _retryDelay;
    private int _timeouts;
    private int _unavailable;

    private void EnsureWorkScheduled()
    {
        if (!_state.IsUnfinished)
        {
            StopWork();
            if (_watchdog is not null)
            {
                _ = RemoveWatchdogAsync();
            }

            return;
        }

        if (_work is null)
        {
            _workPeriod = SessionPipeline.StagePeriod;
            _work = RegisterGrainTimer(WorkAsync, new GrainTimerCreationOptions(TimeSpan.Zero, _workPeriod) { Interleave = true });

            // Idle collection would hold calls back until a running stage ends; the session stays active until done.
            DelayDeactivation(Timeout.InfiniteTimeSpan);
        }
    }

    private void ScheduleWork(TimeSpan period)
    {
        if (period == SessionPipeline.StagePeriod)
        {
            _retryDelay = TimeSpan.Zero;
        }

        EnsureWorkScheduled();
        if (_work is not null && _workPeriod != period)
        {
            _workPeriod = period;
            _work.Change(period, period);
        }
    }

    private TimeSpan NextRetryDelay()
    {
        _retryDelay = _retryDelay == TimeSpan.Zero
            ? SessionPipeline.FirstRetryDelay
            : TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, SessionPipeline.MaxRetryDelay.Ticks));
        return _retryDelay;
    }

    private void StopWork()
    {
        if (_work is null)
        {
            return;
        }

        _work.Dispose();
        _work = null;
        DelayDeactivation(TimeSpan.Zero);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunStageAsync(cancellationToken);
        }
        catch (StageDeferredException deferred)
        {
            var retryIn = NextRetryDelay();
            SessionLog.StageDeferred(logger, deferred, Id, retryIn);
            ScheduleWork(retryIn);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var retryIn = NextRetryDelay();
            SessionLog.StageWriteFailed(logger, exception, Id, _state.LastSequence + 1, retryIn);
            ScheduleWork(retryIn);
            return;
        }

        ScheduleWork(SessionPipeline.StagePeriod);
    }

    private async Task RunStageAsync(CancellationToken cancellationToken)
    {
        var session = _state;
        if (session.Status == SessionStatus.Pending && session.IsUnfinished)
        {
            await RecordAsync(SessionEvents.Started, s => s.Status == SessionStatus.Pending && s.IsUnfinished, (s, now) =>
            {
                s.Status = SessionStatus.Processing;
                s.Progress = SessionPipeline.StartedProgress;
                s.StartedAt = now;
                return null;
            });
        }
        else if (session.IsUnfinished && session.NextAnalysis < session.Parameters.AnalysisTypes.Count)
        {
            await AnalyzeAsync(session.NextAnalysis, cancellationToken);
        }
        else if (session.IsUnfinished)
        {
            var index = session.NextAnalysis;
            await RecordAsync(SessionEvents.Completed, s => IsAt(s, index), (s, now) =>
            {
                s.Status = SessionStatus.Completed;
                s.Progress = SessionPipeline.CompletedProgress;
                s.CompletedAt = now;
                return null;
            });
        }
    }

    private async Task AnalyzeAsync(int index, CancellationToken cancellationToken)
    {
        var session = _state;
        var analysisType = session.Parameters.AnalysisTypes[index];
        var input = new AnalysisInput(session.SessionType, session.Cue, analysisType, session.Parameters.ConfidenceThreshold);
        AnalysisFinding finding;
        var analysisStarted = timeProvider.GetTimestamp();
        try
        {
            finding = await analysisRouter.AnalyzeAsync(input, cancellationToken);
            metrics?.Analyzed(analysisType, succeeded: true, timeProvider.GetElapsedTime(analysisStarted));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled, deleted or shutting down: the outcome no longer matters, or the next activation redoes this stage.
            return;
        }
        catch (SiloUnavailableException exception) when (++_unavailable < SessionPipeline.MaxUnavailableAttempts)
        {
            // No silo can run inference right now (none with the gpu role, or its silo just died and the cluster has not
            // noticed yet): the stage runs again after the growing retry delay.
            throw new StageDeferredException($"Analysis '{analysisType}' could not be placed (attempt {_unavailable}): {exception.Message}", exception);
        }
        catch (TimeoutException exception) when (++_timeouts < SessionPipeline.MaxAnalysisAttempts)
        {
            SessionLog.AnalysisTimedOut(logger, exception, Id, analysisType, _timeouts);
            return;
        }
        catch (Exception exception)
        {
            SessionLog.AnalysisFailed(logger, exception, Id, analysisType);
            metrics?.Analyzed(analysisType, succeeded: false, timeProvider.GetElapsedTime(analysisStarted));
            await RecordAsync(SessionEvents.Failed, s => IsAt(s, index), (s, now) =>
            {
                s.Status = SessionStatus.Failed;
                s.Error = $"Analysis '{analysisType}' failed: {exception.Message}";
                s.CompletedAt = now;
                return null;
            });
            return;
        }

        _timeouts = 0;
        _unavailable = 0;
        await RecordAsync(SessionEvents.Result, s => IsAt(s, index), (s, now) =>
        {
            s.NextAnalysis = index + 1;
            s.ResultCount++;
            s.Progress = SessionPipeline.ProgressAfter(s.NextAnalysis, s.Parameters.AnalysisTypes.Count);
            return new SessionResult(
                Guid.CreateVersion7(now), Id, finding.ResultType, finding.ConfidenceScore, finding.MeetsThreshold, finding.Data, finding.Model, now);
        });
    }

    /// <summary>Whether the session is still processing at analysis <paramref name="index"/> (no cancel or delete came in between).</summary>
    private static bool IsAt(SessionState session, int index) =>
        session.Status == SessionStatus.Processing && session.IsUnfinished && session.NextAnalysis == index;
}
