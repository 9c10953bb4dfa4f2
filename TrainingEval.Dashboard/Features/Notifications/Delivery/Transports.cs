using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>A file sent with an e-mail.</summary>
public sealed record MessageAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One message as it leaves: the outbox row's texts with their footers, any attachment rendered.</summary>
/// <param name="MessageId">Stable per outbox row (or batch): a receiving server can tell a resend from a new message.</param>
public sealed record OutgoingMessage(
    DeliveryChannel Channel,
    string Recipient,
    string Culture,
    string Subject,
    string Text,
    string Html,
    string Markdown,
    string? Link,
    string? LinkText,
    string? UnsubscribeLink,
    IReadOnlyList<MessageAttachment> Attachments,
    string MessageId);

/// <summary>Sends one message on the channels it handles; throws when the message did not get through (it is then retried).</summary>
public interface IMessageTransport
{
    bool Handles(DeliveryChannel channel);

    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A message that can never get through (bad address, refused URL): failed at once, not retried.</summary>
public sealed class PermanentDeliveryException(string message) : Exception(message);
