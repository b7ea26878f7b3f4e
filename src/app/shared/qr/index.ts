export { QrCode, type QrCodeProps } from './QrCode.tsx';
export { QrScanner, type QrScannerLabels, type QrScannerProps } from './QrScanner.tsx';
