package io.loyalty.spi;

/** A program, card, reward or other resource named by id does not exist. Code {@code not_found}. */
public final class NotFoundException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final String resourceType;
  private final String resourceId;

  /** Creates the error for a resource type (such as {@code card}) and the id that was asked for. */
  public NotFoundException(String resourceType, Object resourceId) {
    super(ErrorCode.NOT_FOUND, resourceType + " " + resourceId + " does not exist");
    this.resourceType = resourceType;
    this.resourceId = String.valueOf(resourceId);
  }

  /** The kind of resource that was looked up, such as {@code program} or {@code card}. */
  public String resourceType() {
    return resourceType;
  }

  /** The id that was looked up. */
  public String resourceId() {
    return resourceId;
  }
}
