import { Pressable, Text } from 'react-native';
import { styles } from './theme.js';

export interface ButtonProps {
  readonly label: string;
  readonly onPress: () => void;
  readonly disabled?: boolean;
  readonly variant?: 'primary' | 'secondary';
  /** Accessible name when it must differ from the visible label. */
  readonly accessibleName?: string;
}

/** A button with a real role and accessible name (react-native-web renders role="button"). */
export function Button({
  label,
  onPress,
  disabled = false,
  variant = 'primary',
  accessibleName,
}: ButtonProps) {
  return (
    <Pressable
      role="button"
      aria-label={accessibleName ?? label}
      aria-disabled={disabled}
      disabled={disabled}
      onPress={onPress}
      style={[
        variant === 'primary' ? styles.button : styles.buttonSecondary,
        disabled && styles.buttonDisabled,
      ]}
    >
      <Text style={variant === 'primary' ? styles.buttonText : styles.buttonSecondaryText}>
        {label}
      </Text>
    </Pressable>
  );
}
